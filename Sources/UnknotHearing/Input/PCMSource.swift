/// Where a station's hearing reads a microphone's audio from: 16 kHz 16-bit mono samples, a block
/// at a time. ``RawPCMSource`` reads a pipe, a file or UDP; tests script their own.
///
/// Conformers guarantee that ``read(into:)`` fills at most the buffer it is given, and waits at
/// most about a second before answering (``RawPCMSource/Reading/quiet``), so the reader can look up.
public protocol PCMSource: AnyObject {
    /// Reads what has arrived into `samples`, waiting for some (a second at most).
    func read(into samples: UnsafeMutableBufferPointer<Int16>) -> RawPCMSource.Reading
}

extension RawPCMSource: PCMSource {}
