import Interpreter
import Tensors

/// Private native for `nn.LSTM` (Python/torch.nn/70-rnn.py): where PyTorch hands a
/// float32 layer to oneDNN's RNN primitive with grad mode on (`forward_training`), one
/// layer and direction computed in oneDNN's order (`OneDNNLSTM`), with no autograd; the
/// Python side records the `MkldnnRnnLayerBackward0` node.
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
                  OneDNNLSTM.isSelected(hiddenSize: wh.sizes[1], dtype: x.dtype) else { return .none }
            let r = try bridged {
                try OneDNNLSTM.forwardTraining(input: x, hx: hx, cx: cx, weightIH: wi, weightHH: wh, biasIH: bi,
                                               biasHH: bh, reverse: reverse)
            }
            return .tuple([wrap(r.output), wrap(r.hy), wrap(r.cy), wrap(r.gates), wrap(r.cells)])
        }
    }
}
