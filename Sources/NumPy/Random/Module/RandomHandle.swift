/// What a `numpy.random` Python object holds natively: a bit generator, and the legacy
/// (`RandomState`) or modern (`Generator`) front end drawing from it.
final class RandomHandle {
    let bits: BitGenerator
    let legacy: RandomState?
    let generator: RandomGenerator?

    init(legacy: RandomState) {
        bits = legacy.bits
        self.legacy = legacy
        generator = nil
    }

    init(generator: RandomGenerator) {
        bits = generator.bits
        legacy = nil
        self.generator = generator
    }

    init(bits: BitGenerator) {
        self.bits = bits
        legacy = nil
        generator = nil
    }
}
