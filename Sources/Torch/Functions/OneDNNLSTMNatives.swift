import Interpreter
import Tensors

/// Private native for `nn.LSTM` (Python/torch.nn/70-rnn.py): where PyTorch hands a
/// float32 layer to oneDNN's RNN primitive with grad mode on (`forward_training`), one
/// layer and direction computed in oneDNN's order (`OneDNNLSTM`), with no autograd; the
/// Python side records the `MkldnnRnnLayerBackward0` node, whose backward is
/// `_onednn_lstm_layer_backward` (oneDNN's backward pass, same orders).
extension TorchRuntime {
    func bindOneDNNLSTM(_ b: Binder) {
        // _onednn_lstm_layer(input, hx, cx, w_ih, w_hh, b_ih, b_hh, reverse)
        //   -> (output, hy, cy, gates, cells) or None where the order is not reproduced
        b.free("_onednn_lstm_layer") { [unowned self] _, args in
            let fn = "_onednn_lstm_layer"
            guard args.count == 8 else { throw PyError.typeError("\(fn)() takes 8 arguments") }
            let x = try tensor(args[0], fn, "input"), hx = try tensor(args[1], fn, "hx"), cx = try tensor(args[2], fn, "cx")
            let wi = try tensor(args[3], fn, "w_ih"), wh = try tensor(args[4], fn, "w_hh")
            let bi = try tensor(args[5], fn, "b_ih"), bh = try tensor(args[6], fn, "b_hh")
            let reverse = try bool(args[7], fn, "reverse")
            let all = [x, hx, cx, wi, wh, bi, bh]
            guard all.allSatisfy({ $0.device == .cpu && $0.dtype == .float32 }), x.rank == 3, wh.rank == 2,
                  OneDNNLSTM.isSelected(steps: x.sizes[0], batch: x.sizes[1], inputSize: x.sizes[2],
                                        hiddenSize: wh.sizes[1], dtype: x.dtype) else { return .none }
            let r = try bridged {
                try OneDNNLSTM.forwardTraining(input: x, hx: hx, cx: cx, weightIH: wi, weightHH: wh, biasIH: bi,
                                               biasHH: bh, reverse: reverse)
            }
            return .tuple([wrap(r.output), wrap(r.hy), wrap(r.cy), wrap(r.gates), wrap(r.cells)])
        }
        // _onednn_lstm_layer_backward(input, hx, cx, w_ih, w_hh, output, gates, cells,
        //   grad_output, grad_hy, grad_cy, reverse) -> (d_input, d_w_ih, d_w_hh, d_bias, d_hx, d_cx)
        b.free("_onednn_lstm_layer_backward") { [unowned self] _, args in
            let fn = "_onednn_lstm_layer_backward"
            guard args.count == 12 else { throw PyError.typeError("\(fn)() takes 12 arguments") }
            let names = ["input", "hx", "cx", "w_ih", "w_hh", "output", "gates", "cells", "grad_output", "grad_hy", "grad_cy"]
            var t: [Tensor] = []
            for (i, name) in names.enumerated() { t.append(try tensor(args[i], fn, name)) }
            let reverse = try bool(args[11], fn, "reverse")
            let r = try bridged {
                try OneDNNLSTM.backward(input: t[0], hx: t[1], cx: t[2], weightIH: t[3], weightHH: t[4], output: t[5],
                                        gates: t[6], cells: t[7], gradOutput: t[8], gradHy: t[9], gradCy: t[10],
                                        reverse: reverse)
            }
            return .tuple([wrap(r.input), wrap(r.weightIH), wrap(r.weightHH), wrap(r.bias), wrap(r.hx), wrap(r.cx)])
        }
        // _onednn_lstm_inference(input, hx, cx, w_ih, w_hh, b_ih, b_hh, reverse)
        //   -> (output, hy, cy): grad mode off, oneDNN's `brgemm:avx2` primitive.
        b.free("_onednn_lstm_inference") { [unowned self] _, args in
            let fn = "_onednn_lstm_inference"
            guard args.count == 8 else { throw PyError.typeError("\(fn)() takes 8 arguments") }
            let names = ["input", "hx", "cx", "w_ih", "w_hh", "b_ih", "b_hh"]
            var t: [Tensor] = []
            for (i, name) in names.enumerated() { t.append(try tensor(args[i], fn, name)) }
            let reverse = try bool(args[7], fn, "reverse")
            guard t.allSatisfy({ $0.device == .cpu && $0.dtype == .float32 }), t[0].rank == 3, t[4].rank == 2 else { return .none }
            let r = try bridged {
                try OneDNNLSTM.forwardInference(input: t[0], hx: t[1], cx: t[2], weightIH: t[3], weightHH: t[4], biasIH: t[5],
                                                biasHH: t[6], reverse: reverse)
            }
            return .tuple([wrap(r.output), wrap(r.hy), wrap(r.cy)])
        }
    }
}
