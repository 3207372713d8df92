import CMuJoCo

extension PhysicsWorld {
    /// A copy of a world's state at one moment, to render later while the world steps on (a
    /// picture takes far longer than a millisecond's step, and the robot link waits for none).
    ///
    /// Guarantees: it holds its world (the model it was taken from lives as long as it does); its
    /// state is its own copy, freed with it; taking it changes nothing in the world.
    public final class Snapshot {
        let world: PhysicsWorld
        let data: UnsafeMutablePointer<mjData>

        init?(of world: PhysicsWorld) {
            guard let copy = mj_copyData(nil, world.model, world.data) else { return nil }
            self.world = world
            data = copy
        }

        deinit { mj_deleteData(data) }
    }

    /// The state now, copied (`nil` only when MuJoCo cannot allocate it).
    public func snapshot() -> Snapshot? { Snapshot(of: self) }
}
