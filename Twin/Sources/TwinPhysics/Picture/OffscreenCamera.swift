import CEGL
import CMuJoCo

/// A camera that renders a ``PhysicsWorld`` without a window or a display server: EGL's surfaceless
/// platform (Mesa, software rendering where there is no GPU) and MuJoCo's own offscreen framebuffer,
/// of the size the model's `<visual><global offwidth offheight>` asks for.
///
/// Guarantees: a machine that cannot render (no EGL, no desktop OpenGL context) is a thrown
/// ``Picture/Failure`` naming the step that failed, never a crash; rendering reads the world and
/// never changes its state, so a session with pictures steps exactly as one without; the GL context
/// is current on the thread that made the camera, which must take its pictures; all of it is freed
/// with the camera.
public final class OffscreenCamera {
    /// Where the camera looks from: a point it looks at (world, metres), its distance from it, and
    /// its heading (degrees about the vertical, 0 along +x) and elevation (degrees, negative looks down).
    public struct Pose: Sendable {
        public var lookAt: SIMD3<Double>
        public var distance: Double
        public var azimuth: Double
        public var elevation: Double

        public init(lookAt: SIMD3<Double>, distance: Double, azimuth: Double, elevation: Double) {
            self.lookAt = lookAt
            self.distance = distance
            self.azimuth = azimuth
            self.elevation = elevation
        }
    }

    public let width: Int
    public let height: Int
    private let display: EGLDisplay
    private let context: EGLContext
    private let scene: UnsafeMutablePointer<mjvScene>
    private let renderer: UnsafeMutablePointer<mjrContext>
    private let options: UnsafeMutablePointer<mjvOption>

    /// A camera for `world`'s model, its GL context made current on this thread.
    public init(world: PhysicsWorld) throws(Picture.Failure) {
        guard let display = eglGetPlatformDisplay(EGLenum(EGL_PLATFORM_SURFACELESS_MESA), nil, nil) else {
            throw Picture.Failure(description: "EGL has no surfaceless display (Mesa's libegl-mesa0 is needed)")
        }
        var major: EGLint = 0
        var minor: EGLint = 0
        guard eglInitialize(display, &major, &minor) == EGL_TRUE else {
            throw Picture.Failure(description: "EGL could not start its surfaceless display \(Self.eglError())")
        }
        let wanted: [EGLint] = [
            EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8,
            EGL_BLUE_SIZE, 8,
            EGL_DEPTH_SIZE, 24, EGL_NONE,
        ]
        var config: EGLConfig?
        var found: EGLint = 0
        guard eglChooseConfig(display, wanted, &config, 1, &found) == EGL_TRUE, found > 0, let config else {
            eglTerminate(display)
            throw Picture.Failure(description: "EGL offers no desktop OpenGL configuration \(Self.eglError())")
        }
        guard eglBindAPI(EGLenum(EGL_OPENGL_API)) == EGL_TRUE,
            let context = eglCreateContext(display, config, nil, nil)
        else {
            eglTerminate(display)
            throw Picture.Failure(description: "EGL could not make an OpenGL context \(Self.eglError())")
        }
        guard eglMakeCurrent(display, nil, nil, context) == EGL_TRUE else {
            eglDestroyContext(display, context)
            eglTerminate(display)
            throw Picture.Failure(description: "EGL could not make its context current \(Self.eglError())")
        }
        self.display = display
        self.context = context
        width = Int(world.model.pointee.vis.global.offwidth)
        height = Int(world.model.pointee.vis.global.offheight)
        renderer = .allocate(capacity: 1)
        mjr_defaultContext(renderer)
        mjr_makeContext(world.model, renderer, Int32(mjFONTSCALE_100.rawValue))
        mjr_setBuffer(Int32(mjFB_OFFSCREEN.rawValue), renderer)
        scene = .allocate(capacity: 1)
        mjv_defaultScene(scene)
        mjv_makeScene(world.model, scene, 2_000)
        options = .allocate(capacity: 1)
        mjv_defaultOption(options)
    }

    deinit {
        mjv_freeScene(scene)
        scene.deallocate()
        mjr_freeContext(renderer)
        renderer.deallocate()
        options.deallocate()
        eglMakeCurrent(display, nil, nil, nil)
        eglDestroyContext(display, context)
        eglTerminate(display)
    }

    /// The world as it is now, seen from `pose`.
    public func picture(of world: PhysicsWorld, from pose: Pose) throws(Picture.Failure) -> Picture {
        try render(world.model, world.data, from: pose)
    }

    /// The world as it was when `snapshot` was taken, seen from `pose`.
    public func picture(of snapshot: PhysicsWorld.Snapshot, from pose: Pose) throws(Picture.Failure) -> Picture {
        try render(snapshot.world.model, snapshot.data, from: pose)
    }

    private func render(
        _ model: UnsafeMutablePointer<mjModel>, _ data: UnsafeMutablePointer<mjData>, from pose: Pose
    ) throws(Picture.Failure) -> Picture {
        var camera = mjvCamera()
        mjv_defaultCamera(&camera)
        camera.type = Int32(mjCAMERA_FREE.rawValue)
        camera.lookat = (pose.lookAt.x, pose.lookAt.y, pose.lookAt.z)
        camera.distance = pose.distance
        camera.azimuth = pose.azimuth
        camera.elevation = pose.elevation
        mjv_updateScene(model, data, options, nil, &camera, Int32(mjCAT_ALL.rawValue), scene)
        let viewport = mjrRect(left: 0, bottom: 0, width: Int32(width), height: Int32(height))
        mjr_render(viewport, scene, renderer)
        var bottomUp = [UInt8](repeating: 0, count: width * height * 3)
        mjr_readPixels(&bottomUp, nil, viewport, renderer)
        // OpenGL's rows run from the bottom; a picture's from the top.
        var pixels = [UInt8]()
        pixels.reserveCapacity(bottomUp.count)
        for row in stride(from: height - 1, through: 0, by: -1) {
            pixels.append(contentsOf: bottomUp[(row * width * 3)..<((row + 1) * width * 3)])
        }
        guard let picture = Picture(width: width, height: height, pixels: pixels) else {
            throw Picture.Failure(description: "MuJoCo rendered no picture (\(width) × \(height))")
        }
        return picture
    }

    private static func eglError() -> String { "(EGL error 0x\(String(eglGetError(), radix: 16)))" }
}
