import Tensors

/// argmax/argmin (and max/min with indices) along one dim, in the two-kernel shape of
/// ReduceSource: partial (value, index) pairs, then a fold. PyTorch's rules: the first index
/// of the extreme wins, and NaN is the extreme (its first occurrence).
/// Operands: 0 indices (int64), 1 input, 2 partial pairs, 3 values (0 when not wanted).
enum ArgReduceSource {
    static func source(isMax: Bool, input: DType) -> (source: KernelSource, partial: String, final: String) {
        let t = CType(input)
        let T = t.compute
        let base = "gb_\(isMax ? "argmax" : "argmin")_\(t.tag)"
        let beats = isMax ? ">" : "<"
        let nanCheck = t.isFloat ? "" : " && 0"
        let body = """
        typedef struct { \(T) v; long long i; } gb_pair;
        /* Whether (v, i) replaces acc. */
        GB_DEVICE int gb_better(gb_pair acc, \(T) v, long long i) {
          if (acc.i < 0) return 1;
          if ((acc.v != acc.v)\(nanCheck)) return (v != v) && i < acc.i;
          if ((v != v)\(nanCheck)) return 1;
          if (v \(beats) acc.v) return 1;
          return v == acc.v && i < acc.i;
        }
        GB_DEVICE void gb_write(const GBArgs *ap, const long long *o, gb_pair acc) {
          ((long long*)ap->ptr[0])[o[0]] = acc.i;
          if (ap->ptr[3] != 0) ((\(t.storage)*)ap->ptr[3])[o[2]] = \(t.store("acc.v"));
        }
        GB_KERNEL(\(base)_partial) {
          GB_GRID_LOOP(t, a.n * a.parts) {
            long long out_ = t / a.parts, part_ = t % a.parts;
            GB_OFFSETS(out_, o)
            const \(t.storage) *in_ = (const \(t.storage)*)a.ptr[1] + o[1];
            gb_pair acc; acc.v = 0; acc.i = -1;
            for (long long j = part_; j < a.rn; j += a.parts) {
              \(T) x = \(t.load("in_[j * a.rstrides[0]]"));
              if (gb_better(acc, x, j)) { acc.v = x; acc.i = j; }
            }
            if (a.parts == 1) gb_write(&a, o, acc);
            else ((gb_pair*)a.ptr[2])[t] = acc;
          }
        }
        GB_KERNEL(\(base)_final) {
          GB_GRID_LOOP(i, a.n) {
            GB_OFFSETS(i, o)
            const gb_pair *parts_ = (const gb_pair*)a.ptr[2] + i * a.parts;
            gb_pair acc; acc.v = 0; acc.i = -1;
            for (long long k = 0; k < a.parts; k++) if (parts_[k].i >= 0 && gb_better(acc, parts_[k].v, parts_[k].i)) acc = parts_[k];
            gb_write(&a, o, acc);
          }
        }

        """
        return (KernelSource(name: base, body: body), base + "_partial", base + "_final")
    }
}
