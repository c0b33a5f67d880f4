# torch.nn — part 7: recurrent layers (RNN, LSTM, GRU and their cells).
#
# The arithmetic follows ATen's CPU path (aten/src/ATen/native/RNN.cpp) step for step, so
# the numbers are PyTorch's: a layer projects the whole input sequence with one
# `linear` first, then each step adds `linear(h, W_hh, b_hh)` to its slice; outputs of a
# layer are stacked over time, the two directions concatenated, final states stacked.
# A float32 LSTM is the exception, as in PyTorch: `mkldnn_rnn` hands each layer and
# direction to oneDNN's RNN primitive, whose orders the natives `_onednn_lstm_*` reproduce.


def _rnn_tanh_cell(x_proj, h, w_hh, b_hh):
    return torch.tanh(F.linear(h, w_hh, b_hh) + x_proj)


def _rnn_relu_cell(x_proj, h, w_hh, b_hh):
    return torch.relu(F.linear(h, w_hh, b_hh) + x_proj)


def _lstm_cell(x_proj, state, w_hh, b_hh, w_hr):
    h, c = state
    gates = F.linear(h, w_hh, b_hh) + x_proj
    ingate, forgetgate, cellgate, outgate = gates.chunk(4, 1)
    ingate = ingate.sigmoid()
    forgetgate = forgetgate.sigmoid()
    cellgate = cellgate.tanh()
    outgate = outgate.sigmoid()
    cy = forgetgate * c + ingate * cellgate
    hy = outgate * cy.tanh()
    if w_hr is not None:
        hy = torch.matmul(hy, w_hr.t())
    return hy, cy


def _gru_cell(x_proj, h, w_hh, b_hh):
    # ATen's GRUCell adds in place into the (B, 3H) gate rows (`unsafe_chunk` views) and
    # runs `sigmoid_` there: strided tensors, so its loops go row by row, H at a time, with
    # a scalar tail where H is no multiple of twice the vector width. The reset and input
    # gates' sums are built the same way here, in a (B, H) tensor with the rows 3H apart:
    # the same loops, and the same graph (the sum's AddBackward0 takes the input's chunk
    # directly). `tanh_` runs on a contiguous result in both.
    hidden = h.shape[-1]
    i_r, i_z, i_n = x_proj.chunk(3, 1)
    h_r, h_z, h_n = F.linear(h, w_hh, b_hh).chunk(3, 1)

    def gate_rows(a, b):
        rows = torch.empty_strided(tuple(a.shape), (3 * hidden, 1), dtype=a.dtype, device=a.device)
        return rows.copy_(a).add_(b)

    resetgate = gate_rows(h_r, i_r).sigmoid()
    inputgate = gate_rows(h_z, i_z).sigmoid()
    newgate = (i_n + h_n * resetgate).tanh()
    return (h - newgate) * inputgate + newgate


def _transpose_batch_first(output):
    """ATen's gru / rnn_tanh / rnn_relu turn a batch_first output around in place
    (`transpose_(0, 1)`: TransposeBackward1, version 1)."""
    return output.transpose_(0, 1)


_projections_warned = [False]


def _warn_lstm_projections(data):
    """ATen's `lstm` hands a float32 CPU LSTM to oneDNN (`use_mkldnn`), except one with
    `proj_size`, which it warns about once per process (TORCH_WARN_ONCE) and runs itself."""
    if _projections_warned[0] or data.dtype != torch.float32 or data.numel() == 0:
        return
    _projections_warned[0] = True
    import warnings
    warnings.warn("LSTM with projections is not supported with oneDNN. Using default implementation. "
                  "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/RNN.cpp:1603.)",
                  stacklevel=3)


def _onednn_lstm_layer(layer_input, hx, cx, w_ih, w_hh, b_ih, b_hh, reverse):
    """One layer and direction as PyTorch's `mkldnn_rnn_layer` runs it with grad mode on:
    oneDNN's forward order (native `_onednn_lstm_layer`), recorded as one
    `MkldnnRnnLayerBackward0` node whose backward is oneDNN's backward pass (native
    `_onednn_lstm_layer_backward`; PyTorch returns the bias gradient twice, once per
    bias). None where the native does not reproduce the order."""
    has_bias = b_ih is not None
    zeros = torch.zeros(w_ih.shape[0], dtype=w_ih.dtype)
    bi = b_ih.detach() if has_bias else zeros
    bh = b_hh.detach() if has_bias else zeros
    x = layer_input.detach()
    wi = w_ih.detach()
    wh = w_hh.detach()
    h0 = hx.detach()
    c0 = cx.detach()
    r = torch._onednn_lstm_layer(x, h0, c0, wi, wh, bi, bh, reverse)
    if r is None:
        return None
    out, hy, cy, gates, cells = r

    inputs = [layer_input, w_ih, w_hh] + ([b_ih, b_hh] if has_bias else []) + [hx, cx]

    def backward(g_out, g_hy, g_cy):
        if torch.is_grad_enabled():
            # create_graph=True: PyTorch switches to a differentiable backward
            # (`mkldnn_rnn_layer_differentiable_backward`) so that a second derivative
            # exists; here the layer is recomputed with ATen's cell ops and differentiated.
            return _lstm_layer_differentiable_backward(inputs, reverse, (g_out, g_hy, g_cy))
        dx, dwi, dwh, db, dh, dc = torch._onednn_lstm_layer_backward(
            x, h0, c0, wi, wh, out, gates, cells, g_out, g_hy, g_cy, reverse)
        grads = [dx, dwi, dwh]
        if has_bias:
            grads += [db, db.clone()]
        return tuple(grads + [dh, dc])

    return torch._linalg_record("MkldnnRnnLayerBackward0", inputs, (out, hy, cy), backward)


def _lstm_layer_differentiable_backward(inputs, reverse, grads):
    """The gradients of one oneDNN LSTM layer as differentiable ops (for create_graph):
    the layer is run again with ATen's cell arithmetic from the recorded inputs and
    differentiated with `torch.autograd.grad(..., create_graph=True)`."""
    layer_input, w_ih, w_hh = inputs[0], inputs[1], inputs[2]
    b_ih, b_hh = (inputs[3], inputs[4]) if len(inputs) == 7 else (None, None)
    hx, cx = inputs[-2], inputs[-1]
    projected = F.linear(layer_input, w_ih, b_ih).unbind(0)
    steps = range(len(projected) - 1, -1, -1) if reverse else range(len(projected))
    outputs = [None] * len(projected)
    state = (hx, cx)
    for t in steps:
        state = _lstm_cell(projected[t], state, w_hh, b_hh, None)
        outputs[t] = state[0]
    results = (torch.stack(outputs, 0), state[0], state[1])
    pairs = [(r, g) for r, g in zip(results, grads) if g is not None]
    live = [i for i, t in enumerate(inputs) if t.requires_grad]
    found = torch.autograd.grad([r for r, _ in pairs], [inputs[i] for i in live],
                                [g for _, g in pairs], create_graph=True, allow_unused=True)
    out = [None] * len(inputs)
    for i, g in zip(live, found):
        out[i] = g
    return tuple(out)


class RNNBase(Module):
    """Shared machinery of RNN, LSTM and GRU: parameters per layer and direction, named
    and initialised as PyTorch does, and the layer-by-layer forward pass."""

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, proj_size=0, device=None, dtype=None):
        super().__init__()
        kwargs = _factory(device, dtype)
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        num_directions = 2 if bidirectional else 1
        if isinstance(dropout, bool) or not isinstance(dropout, (int, float)) or not 0 <= dropout <= 1:
            raise ValueError("dropout should be a number in range [0, 1] representing the probability of an "
                             "element being zeroed")
        if dropout > 0 and num_layers == 1:
            warnings.warn("dropout option adds dropout after all but last recurrent layer, so non-zero dropout "
                          "expects num_layers greater than 1, but got dropout=" + str(dropout) + " and num_layers="
                          + str(num_layers))
        if not isinstance(bias, bool):
            raise TypeError("bias should be of type bool, got: " + type(bias).__name__)
        if not isinstance(batch_first, bool):
            raise TypeError("batch_first should be of type bool, got: " + type(batch_first).__name__)
        if not isinstance(input_size, int):
            raise TypeError("input_size should be of type int, got: " + type(input_size).__name__)
        if input_size <= 0:
            raise ValueError("input_size must be greater than zero")
        if not isinstance(hidden_size, int):
            raise TypeError("hidden_size should be of type int, got: " + type(hidden_size).__name__)
        if hidden_size <= 0:
            raise ValueError("hidden_size must be greater than zero")
        if num_layers <= 0:
            raise ValueError("num_layers must be greater than zero")
        if proj_size < 0:
            raise ValueError("proj_size should be a positive integer or zero to disable projections")
        if proj_size >= hidden_size:
            raise ValueError("proj_size has to be smaller than hidden_size")
        if mode == "LSTM":
            gate_size = 4 * hidden_size
        elif mode == "GRU":
            gate_size = 3 * hidden_size
        elif mode == "RNN_TANH" or mode == "RNN_RELU":
            gate_size = hidden_size
        else:
            raise ValueError("Unrecognized RNN mode: " + mode)
        self._flat_weights_names = []
        self._all_weights = []
        for layer in range(num_layers):
            for direction in range(num_directions):
                real_hidden_size = proj_size if proj_size > 0 else hidden_size
                layer_input_size = input_size if layer == 0 else real_hidden_size * num_directions
                w_ih = Parameter(torch.empty((gate_size, layer_input_size), **kwargs))
                w_hh = Parameter(torch.empty((gate_size, real_hidden_size), **kwargs))
                b_ih = Parameter(torch.empty(gate_size, **kwargs))
                b_hh = Parameter(torch.empty(gate_size, **kwargs))
                if proj_size == 0:
                    layer_params = (w_ih, w_hh, b_ih, b_hh) if bias else (w_ih, w_hh)
                else:
                    w_hr = Parameter(torch.empty((proj_size, hidden_size), **kwargs))
                    layer_params = (w_ih, w_hh, b_ih, b_hh, w_hr) if bias else (w_ih, w_hh, w_hr)
                suffix = "_reverse" if direction == 1 else ""
                param_names = ["weight_ih_l", "weight_hh_l"]
                if bias:
                    param_names += ["bias_ih_l", "bias_hh_l"]
                if proj_size > 0:
                    param_names += ["weight_hr_l"]
                param_names = [n + str(layer) + suffix for n in param_names]
                for name, param in zip(param_names, layer_params):
                    setattr(self, name, param)
                self._flat_weights_names.extend(param_names)
                self._all_weights.append(param_names)
        self.reset_parameters()

    @property
    def _flat_weights(self):
        return [getattr(self, name) for name in self._flat_weights_names]

    @property
    def all_weights(self):
        return [[getattr(self, name) for name in names] for names in self._all_weights]

    def flatten_parameters(self):
        pass

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if self.proj_size != 0:
            s += ", proj_size={proj_size}"
        if self.num_layers != 1:
            s += ", num_layers={num_layers}"
        if self.bias is not True:
            s += ", bias={bias}"
        if self.batch_first is not False:
            s += ", batch_first={batch_first}"
        if self.dropout != 0:
            s += ", dropout={dropout}"
        if self.bidirectional is not False:
            s += ", bidirectional={bidirectional}"
        return s.format(input_size=self.input_size, hidden_size=self.hidden_size, proj_size=self.proj_size,
                        num_layers=self.num_layers, bias=self.bias, batch_first=self.batch_first,
                        dropout=self.dropout, bidirectional=self.bidirectional)

    def check_input(self, input, batch_sizes):
        if input.dtype != self._flat_weights[0].dtype:
            raise ValueError("RNN input dtype (" + str(input.dtype) + ") does not match weight dtype ("
                             + str(self._flat_weights[0].dtype) + "). Convert input: input.to("
                             + str(self._flat_weights[0].dtype) + "), or convert model: model.to("
                             + str(input.dtype) + ")")
        expected_input_dim = 2 if batch_sizes is not None else 3
        if input.dim() != expected_input_dim:
            raise RuntimeError("input must have " + str(expected_input_dim) + " dimensions, got " + str(input.dim()))
        if self.input_size != input.size(-1):
            raise RuntimeError("input.size(-1) must be equal to input_size. Expected " + str(self.input_size)
                               + ", got " + str(input.size(-1)))

    def get_expected_hidden_size(self, input, batch_sizes):
        mini_batch = input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        size = self.proj_size if self.proj_size > 0 else self.hidden_size
        return (self.num_layers * num_directions, mini_batch, size)

    def check_hidden_size(self, hx, expected_hidden_size, msg="Expected hidden size {}, got {}"):
        if hx.size() != expected_hidden_size:
            raise RuntimeError(msg.format(expected_hidden_size, list(hx.size())))

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden, self.get_expected_hidden_size(input, batch_sizes))

    def _layer_params(self, layer, direction):
        names = self._all_weights[layer * (2 if self.bidirectional else 1) + direction]
        params = [getattr(self, n) for n in names]
        w_ih, w_hh = params[0], params[1]
        b_ih = params[2] if self.bias else None
        b_hh = params[3] if self.bias else None
        w_hr = params[-1] if self.proj_size > 0 else None
        return w_ih, w_hh, b_ih, b_hh, w_hr

    def _step(self, x_proj, state, w_hh, b_hh, w_hr):
        if self.mode == "LSTM":
            return _lstm_cell(x_proj, state, w_hh, b_hh, w_hr)
        if self.mode == "GRU":
            return _gru_cell(x_proj, state, w_hh, b_hh)
        if self.mode == "RNN_TANH":
            return _rnn_tanh_cell(x_proj, state, w_hh, b_hh)
        return _rnn_relu_cell(x_proj, state, w_hh, b_hh)

    def _run_direction(self, layer_input, state, layer, direction):
        w_ih, w_hh, b_ih, b_hh, w_hr = self._layer_params(layer, direction)
        projected = F.linear(layer_input, w_ih, b_ih).unbind(0)
        steps = range(len(projected) - 1, -1, -1) if direction == 1 else range(len(projected))
        outputs = [None] * len(projected)
        for t in steps:
            state = self._step(projected[t], state, w_hh, b_hh, w_hr)
            outputs[t] = state[0] if self.mode == "LSTM" else state
        return torch.stack(outputs, 0), state

    def _run_onednn(self, input, hx):
        # PyTorch's `mkldnn_rnn` (float32 LSTM): one oneDNN primitive per layer and
        # direction (forward_training with grad mode on, forward_inference without),
        # directions concatenated, dropout between layers, final states stacked. None
        # where the order is not reproduced (then ATen's path computes it all).
        if self.proj_size != 0:
            _warn_lstm_projections(input)
        if not (input.dtype == torch.float32 and self.proj_size == 0 and hx[0].dtype == torch.float32):
            return None
        training = torch.is_grad_enabled()
        num_directions = 2 if self.bidirectional else 1
        final_h = []
        final_c = []
        layer_input = input
        for layer in range(self.num_layers):
            direction_outputs = []
            for direction in range(num_directions):
                k = layer * num_directions + direction
                w_ih, w_hh, b_ih, b_hh, _ = self._layer_params(layer, direction)
                if training:
                    r = _onednn_lstm_layer(layer_input, hx[0][k], hx[1][k], w_ih, w_hh, b_ih, b_hh, direction == 1)
                else:
                    # forward_inference: oneDNN's brgemm primitive, nothing recorded.
                    zeros = torch.zeros(w_ih.shape[0], dtype=w_ih.dtype)
                    r = torch._onednn_lstm_inference(layer_input, hx[0][k], hx[1][k], w_ih, w_hh,
                                                     zeros if b_ih is None else b_ih,
                                                     zeros if b_hh is None else b_hh, direction == 1)
                if r is None:
                    return None
                direction_outputs.append(r[0])
                final_h.append(r[1])
                final_c.append(r[2])
            layer_output = direction_outputs[0] if num_directions == 1 else torch.cat(direction_outputs, 2)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_output = F.dropout(layer_output, self.dropout, True)
            layer_input = layer_output
        return layer_input, (torch.stack(final_h, 0), torch.stack(final_c, 0))

    def _run(self, input, hx):
        # input (T, B, features); hx the initial state(s), (layers * directions, B, H).
        num_directions = 2 if self.bidirectional else 1
        is_lstm = self.mode == "LSTM"
        final_h = []
        final_c = []
        layer_input = input
        for layer in range(self.num_layers):
            direction_outputs = []
            for direction in range(num_directions):
                k = layer * num_directions + direction
                state = (hx[0][k], hx[1][k]) if is_lstm else hx[k]
                out, state = self._run_direction(layer_input, state, layer, direction)
                direction_outputs.append(out)
                if is_lstm:
                    final_h.append(state[0])
                    final_c.append(state[1])
                else:
                    final_h.append(state)
            layer_output = direction_outputs[0] if num_directions == 1 else torch.cat(direction_outputs, 2)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_output = F.dropout(layer_output, self.dropout, True)
            layer_input = layer_output
        if is_lstm:
            return layer_input, (torch.stack(final_h, 0), torch.stack(final_c, 0))
        return layer_input, torch.stack(final_h, 0)

    # -- packed sequences: ATen's PackedLayer / ReversedPackedLayer, step by step with
    #    the batch shrinking (or, backwards, growing) as sequences end --

    def _permute_hidden(self, hx, permutation):
        if permutation is None:
            return hx
        if self.mode == "LSTM":
            return hx[0].index_select(1, permutation), hx[1].index_select(1, permutation)
        return hx.index_select(1, permutation)

    def _packed_direction(self, data, sizes, state, layer, direction):
        w_ih, w_hh, b_ih, b_hh, w_hr = self._layer_params(layer, direction)
        projected = F.linear(data, w_ih, b_ih)
        is_lstm = self.mode == "LSTM"

        def rows(h, start, end):
            if is_lstm:
                return h[0].narrow(0, start, end - start), h[1].narrow(0, start, end - start)
            return h.narrow(0, start, end - start)

        def joined(parts):
            if is_lstm:
                return torch.cat([p[0] for p in parts], 0), torch.cat([p[1] for p in parts], 0)
            return torch.cat(parts, 0)

        outputs = []
        if direction == 0:
            offset = 0
            last = sizes[0]
            hidden = state
            finished = []
            for size in sizes:
                step = projected.narrow(0, offset, size)
                offset += size
                if last > size:
                    finished.append(rows(hidden, size, last))
                    hidden = rows(hidden, 0, size)
                last = size
                hidden = self._step(step, hidden, w_hh, b_hh, w_hr)
                outputs.append(hidden[0] if is_lstm else hidden)
            finished.append(hidden)
            finished.reverse()
            return torch.cat(outputs, 0), joined(finished)
        offset = projected.size(0)
        last = sizes[-1]
        hidden = rows(state, 0, last)
        for i in range(len(sizes) - 1, -1, -1):
            size = sizes[i]
            if size > last:
                hidden = joined([hidden, rows(state, last, size)])
            step = projected.narrow(0, offset - size, size)
            offset -= size
            last = size
            hidden = self._step(step, hidden, w_hh, b_hh, w_hr)
            outputs.append(hidden[0] if is_lstm else hidden)
        outputs.reverse()
        return torch.cat(outputs, 0), hidden

    def _packed_forward(self, input, hx):
        from torch.nn.utils.rnn import PackedSequence
        data, batch_sizes, sorted_indices, unsorted_indices = input
        sizes = [int(b) for b in batch_sizes.tolist()]
        num_directions = 2 if self.bidirectional else 1
        is_lstm = self.mode == "LSTM"
        if hx is None:
            real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
            h0 = torch.zeros(self.num_layers * num_directions, sizes[0], real_hidden_size,
                             dtype=data.dtype, device=data.device)
            if is_lstm:
                c0 = torch.zeros(self.num_layers * num_directions, sizes[0], self.hidden_size,
                                 dtype=data.dtype, device=data.device)
                hx = (h0, c0)
            else:
                hx = h0
        else:
            hx = self._permute_hidden(hx, sorted_indices)
        layer_input, hidden = self._packed_layers(data, sizes, hx)
        output = PackedSequence(layer_input, batch_sizes, sorted_indices, unsorted_indices)
        return output, self._permute_hidden(hidden, unsorted_indices)

    def _packed_layers(self, data, sizes, hx):
        """The stacked (and bidirectional) layers over packed data, shared with ATen's packed
        functional forms (torch.lstm(data, batch_sizes, ...)): the last layer's output and
        the final states stacked in layer-direction order (an (h, c) pair for LSTM)."""
        num_directions = 2 if self.bidirectional else 1
        is_lstm = self.mode == "LSTM"
        final_h = []
        final_c = []
        layer_input = data
        for layer in range(self.num_layers):
            direction_outputs = []
            for direction in range(num_directions):
                k = layer * num_directions + direction
                state = (hx[0][k], hx[1][k]) if is_lstm else hx[k]
                out, state = self._packed_direction(layer_input, sizes, state, layer, direction)
                direction_outputs.append(out)
                if is_lstm:
                    final_h.append(state[0])
                    final_c.append(state[1])
                else:
                    final_h.append(state)
            layer_output = direction_outputs[0] if num_directions == 1 else torch.cat(direction_outputs, 1)
            if self.dropout != 0 and self.training and layer < self.num_layers - 1:
                layer_output = F.dropout(layer_output, self.dropout, True)
            layer_input = layer_output
        hidden = (torch.stack(final_h, 0), torch.stack(final_c, 0)) if is_lstm else torch.stack(final_h, 0)
        return layer_input, hidden

    def _forward_single_state(self, input, hx, name):
        # RNN and GRU: one hidden state.
        if type(input).__name__ == "PackedSequence":
            return self._packed_forward(input, hx)
        if input.dim() != 2 and input.dim() != 3:
            raise ValueError(name + ": Expected input to be 2D or 3D, got " + str(input.dim()) + "D instead")
        if hx is not None and hx.dim() != 2 and hx.dim() != 3:
            raise ValueError(name + ": Expected hx to be 2D or 3D, got " + str(hx.dim()) + "D instead")
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
            if hx is not None:
                if hx.dim() != 2:
                    raise RuntimeError("For unbatched 2-D input, hx should also be 2-D but got "
                                       + str(hx.dim()) + "-D tensor")
                hx = hx.unsqueeze(1)
        else:
            if hx is not None and hx.dim() != 3:
                raise RuntimeError("For batched 3-D input, hx should also be 3-D but got " + str(hx.dim())
                                   + "-D tensor")
        max_batch_size = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            num_directions = 2 if self.bidirectional else 1
            hx = torch.zeros(self.num_layers * num_directions, max_batch_size, self.hidden_size,
                             dtype=input.dtype, device=input.device)
        self.check_forward_args(input, hx, None)
        seq = input.transpose(0, 1) if self.batch_first else input
        output, hidden = self._run(seq, hx)
        if self.batch_first:
            # _rnn_impl_with_concat transposes its result in place (TransposeBackward1,
            # version 1); LSTM's oneDNN path below returns a transpose() view.
            output = _transpose_batch_first(output)
        if not is_batched:
            output = output.squeeze(batch_dim)
            hidden = hidden.squeeze(1)
        return output, hidden


class RNN(RNNBase):
    """Elman RNN: h_t = tanh(x_t W_ihᵀ + b_ih + h_{t-1} W_hhᵀ + b_hh) (or ReLU)."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            self.nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            self.nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if self.nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif self.nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise ValueError("Unknown nonlinearity '" + str(self.nonlinearity) + "'. Select from 'tanh' or 'relu'.")
        super().__init__(mode, *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward_single_state(input, hx, "RNN")


class GRU(RNNBase):
    """Gated recurrent unit: reset, update and new gates per step."""

    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)

    def forward(self, input, hx=None):
        return self._forward_single_state(input, hx, "GRU")


class LSTM(RNNBase):
    """Long short-term memory: input, forget, cell and output gates; optional projection
    of the hidden state (`proj_size`)."""

    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)

    def get_expected_cell_size(self, input, batch_sizes):
        mini_batch = input.size(0) if self.batch_first else input.size(1)
        num_directions = 2 if self.bidirectional else 1
        return (self.num_layers * num_directions, mini_batch, self.hidden_size)

    def check_forward_args(self, input, hidden, batch_sizes):
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden[0], self.get_expected_hidden_size(input, batch_sizes),
                               "Expected hidden[0] size {}, got {}")
        self.check_hidden_size(hidden[1], self.get_expected_cell_size(input, batch_sizes),
                               "Expected hidden[1] size {}, got {}")

    def forward(self, input, hx=None):
        if type(input).__name__ == "PackedSequence":
            return self._packed_forward(input, hx)
        num_directions = 2 if self.bidirectional else 1
        real_hidden_size = self.proj_size if self.proj_size > 0 else self.hidden_size
        if input.dim() != 2 and input.dim() != 3:
            raise ValueError("LSTM: Expected input to be 2D or 3D, got " + str(input.dim()) + "D instead")
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = input.unsqueeze(batch_dim)
        max_batch_size = input.size(0) if self.batch_first else input.size(1)
        if hx is None:
            h_zeros = torch.zeros(self.num_layers * num_directions, max_batch_size, real_hidden_size,
                                  dtype=input.dtype, device=input.device)
            c_zeros = torch.zeros(self.num_layers * num_directions, max_batch_size, self.hidden_size,
                                  dtype=input.dtype, device=input.device)
            hx = (h_zeros, c_zeros)
        else:
            if is_batched:
                if hx[0].dim() != 3 or hx[1].dim() != 3:
                    raise RuntimeError("For batched 3-D input, hx and cx should also be 3-D but got ("
                                       + str(hx[0].dim()) + "-D, " + str(hx[1].dim()) + "-D) tensors")
            else:
                if hx[0].dim() != 2 or hx[1].dim() != 2:
                    raise RuntimeError("For unbatched 2-D input, hx and cx should also be 2-D but got ("
                                       + str(hx[0].dim()) + "-D, " + str(hx[1].dim()) + "-D) tensors")
                hx = (hx[0].unsqueeze(1), hx[1].unsqueeze(1))
        self.check_forward_args(input, hx, None)
        seq = input.transpose(0, 1) if self.batch_first else input
        fast = self._run_onednn(seq, hx)
        output, hidden = fast if fast is not None else self._run(seq, hx)
        if self.batch_first:
            output = output.transpose(0, 1)
        if not is_batched:
            output = output.squeeze(batch_dim)
            hidden = (hidden[0].squeeze(1), hidden[1].squeeze(1))
        return output, hidden


class RNNCellBase(Module):
    """Shared parameters of the single-step cells: weight_ih, weight_hh, bias_ih, bias_hh."""

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        kwargs = _factory(device, dtype)
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        self.weight_ih = Parameter(torch.empty((num_chunks * hidden_size, input_size), **kwargs))
        self.weight_hh = Parameter(torch.empty((num_chunks * hidden_size, hidden_size), **kwargs))
        if bias:
            self.bias_ih = Parameter(torch.empty(num_chunks * hidden_size, **kwargs))
            self.bias_hh = Parameter(torch.empty(num_chunks * hidden_size, **kwargs))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        s = str(self.input_size) + ", " + str(self.hidden_size)
        if self.bias is not True:
            s += ", bias=" + str(self.bias)
        if hasattr(self, "nonlinearity") and self.nonlinearity != "tanh":
            s += ", nonlinearity=" + str(self.nonlinearity)
        return s

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _batched(self, name, input, hx):
        if input.dim() != 1 and input.dim() != 2:
            raise ValueError(name + ": Expected input to be 1D or 2D, got " + str(input.dim()) + "D instead")
        if hx is not None and hx.dim() != 1 and hx.dim() != 2:
            raise ValueError(name + ": Expected hidden to be 1D or 2D, got " + str(hx.dim()) + "D instead")
        return input.dim() == 2


class RNNCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 1, device, dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        is_batched = self._batched("RNNCell", input, hx)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype, device=input.device)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        x_proj = F.linear(input, self.weight_ih, self.bias_ih)
        if self.nonlinearity == "tanh":
            ret = _rnn_tanh_cell(x_proj, hx, self.weight_hh, self.bias_hh)
        elif self.nonlinearity == "relu":
            ret = _rnn_relu_cell(x_proj, hx, self.weight_hh, self.bias_hh)
        else:
            raise RuntimeError("Unknown nonlinearity: " + str(self.nonlinearity))
        if not is_batched:
            ret = ret.squeeze(0)
        return ret


class LSTMCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 4, device, dtype)

    def forward(self, input, hx=None):
        if input.dim() != 1 and input.dim() != 2:
            raise ValueError("LSTMCell: Expected input to be 1D or 2D, got " + str(input.dim()) + "D instead")
        if hx is not None:
            for idx in range(len(hx)):
                if hx[idx].dim() != 1 and hx[idx].dim() != 2:
                    raise ValueError("LSTMCell: Expected hx[" + str(idx) + "] to be 1D or 2D, got "
                                     + str(hx[idx].dim()) + "D instead")
        is_batched = input.dim() == 2
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            zeros = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype, device=input.device)
            hx = (zeros, zeros)
        elif not is_batched:
            hx = (hx[0].unsqueeze(0), hx[1].unsqueeze(0))
        x_proj = F.linear(input, self.weight_ih, self.bias_ih)
        ret = _lstm_cell(x_proj, hx, self.weight_hh, self.bias_hh, None)
        if not is_batched:
            ret = (ret[0].squeeze(0), ret[1].squeeze(0))
        return ret


class GRUCell(RNNCellBase):
    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 3, device, dtype)

    def forward(self, input, hx=None):
        is_batched = self._batched("GRUCell", input, hx)
        if not is_batched:
            input = input.unsqueeze(0)
        if hx is None:
            hx = torch.zeros(input.size(0), self.hidden_size, dtype=input.dtype, device=input.device)
        elif not is_batched:
            hx = hx.unsqueeze(0)
        x_proj = F.linear(input, self.weight_ih, self.bias_ih)
        ret = _gru_cell(x_proj, hx, self.weight_hh, self.bias_hh)
        if not is_batched:
            ret = ret.squeeze(0)
        return ret
