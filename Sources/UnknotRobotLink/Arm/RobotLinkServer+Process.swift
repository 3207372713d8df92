import Foundation

extension RobotLinkServer {
    /// Serves as a process's main work: on a thread of its own (the loop may take real-time priority,
    /// which a shared worker thread must never) until SIGINT or SIGTERM asks it to stop; then returns.
    public func runUntilInterrupted(threadName: String) {
        var stops: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { self.stop() }
            source.resume()
            stops.append(source)
        }
        let done = DispatchSemaphore(value: 0)
        let loop = Thread {
            self.run()
            done.signal()
        }
        loop.name = threadName
        loop.start()
        done.wait()
        for source in stops { source.cancel() }
    }
}
