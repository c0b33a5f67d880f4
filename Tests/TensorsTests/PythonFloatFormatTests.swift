import Testing
import Tensors

/// Expected strings are CPython 3.11's `'{:.Nf}'` / `'{:.Ne}'` of the same doubles.
@Test func fixedRoundsHalfToEvenOnTheExactBinaryValue() {
    #expect(PythonFloatFormat.fixed(0.125, precision: 2) == "0.12")
    #expect(PythonFloatFormat.fixed(0.375, precision: 2) == "0.38")
    #expect(PythonFloatFormat.fixed(2.675, precision: 2) == "2.67")
    #expect(PythonFloatFormat.fixed(1.00005, precision: 4) == "1.0001")
    #expect(PythonFloatFormat.fixed(2.5, precision: 0) == "2")
    #expect(PythonFloatFormat.fixed(3.5, precision: 0) == "4")
    #expect(PythonFloatFormat.fixed(-0.0, precision: 4) == "-0.0000")
    #expect(PythonFloatFormat.fixed(-0.00001, precision: 4) == "-0.0000")
    #expect(PythonFloatFormat.fixed(1e22, precision: 1) == "10000000000000000000000.0")
    #expect(PythonFloatFormat.fixed(Double(Float(0.1)), precision: 10) == "0.1000000015")
}

@Test func scientificHasAtLeastTwoExponentDigits() {
    #expect(PythonFloatFormat.scientific(123456.0, precision: 4) == "1.2346e+05")
    #expect(PythonFloatFormat.scientific(1e-10, precision: 4) == "1.0000e-10")
    #expect(PythonFloatFormat.scientific(1e100, precision: 2) == "1.00e+100")
    #expect(PythonFloatFormat.scientific(0.0, precision: 4) == "0.0000e+00")
    #expect(PythonFloatFormat.scientific(2.5, precision: 0) == "2e+00")
    #expect(PythonFloatFormat.scientific(Double.leastNonzeroMagnitude, precision: 3) == "4.941e-324")
}

@Test func nonFiniteValuesPrintLikePython() {
    #expect(PythonFloatFormat.fixed(.nan, precision: 4) == "nan")
    #expect(PythonFloatFormat.fixed(-Double.nan, precision: 4) == "nan")
    #expect(PythonFloatFormat.scientific(-.infinity, precision: 4) == "-inf")
    #expect(PythonFloatFormat.fixed(.infinity, precision: 0) == "inf")
}
