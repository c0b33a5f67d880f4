import torch

__all__ = ["PackedSequence", "invert_permutation", "pack_padded_sequence", "pad_packed_sequence", "pad_sequence",
           "unpad_sequence", "pack_sequence", "unpack_sequence"]

# Padding variable-length sequences into one tensor and back, as ATen's pad_sequence does:
# a tensor full of padding_value, each sequence copied into its row (or column).


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stacks sequences of different lengths (L_i, *) into (max L, B, *), or (B, max L, *)
    with batch_first, filling the rest with padding_value."""
    sequences = tuple(sequences)
    if len(sequences) == 0:
        raise RuntimeError("received an empty list of sequences")
    if padding_side != "left" and padding_side != "right":
        raise RuntimeError("Expected padding_side to be one of left or right, but got " + str(padding_side) + ".")
    trailing = list(sequences[0].shape)[1:]
    max_len = max(s.size(0) for s in sequences)
    dims = [len(sequences), max_len] if batch_first else [max_len, len(sequences)]
    out = torch.full(dims + trailing, padding_value, dtype=sequences[0].dtype, device=sequences[0].device)
    for i in range(len(sequences)):
        seq = sequences[i]
        length = seq.size(0)
        start = max_len - length if padding_side == "left" else 0
        if batch_first:
            out[i, start:start + length] = seq
        else:
            out[start:start + length, i] = seq
    return out


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    """The list of sequences pad_sequence padded, cut back to their lengths."""
    unpadded = []
    if not batch_first:
        padded_sequences = padded_sequences.transpose(0, 1)
    max_length = padded_sequences.shape[1]
    idx = torch.arange(max_length, device=lengths.device)
    for seq, length in zip(padded_sequences, lengths):
        mask = idx < length
        unpadded.append(seq[mask])
    return unpadded


# Packed sequences: the time steps of a batch of sequences sorted by length, concatenated
# step by step (batch_sizes[t] rows at step t), as ATen's _pack_padded_sequence lays them out.


def invert_permutation(permutation):
    """The permutation that undoes `permutation` (None stays None)."""
    if permutation is None:
        return None
    output = torch.empty_like(permutation)
    output.scatter_(0, permutation, torch.arange(0, permutation.numel(), device=permutation.device))
    return output


class PackedSequence:
    """(data, batch_sizes, sorted_indices, unsorted_indices): what pack_padded_sequence
    returns and the recurrent layers accept; unpacks like the named tuple it is in PyTorch."""

    def __init__(self, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is None:
            if isinstance(data, (list, tuple)) and len(data) == 2:
                data, batch_sizes = data
            else:
                raise TypeError("PackedSequence expects (data, batch_sizes)")
        if batch_sizes.device.type != "cpu":
            raise ValueError("batch_sizes should always be on CPU. Instances of PackedSequence should never be "
                             "created manually. They should be instantiated by functions like pack_sequence and "
                             "pack_padded_sequences in nn.utils.rnn. "
                             "https://pytorch.org/docs/stable/nn.html#torch.nn.utils.rnn.pack_sequence")
        self.data = data
        self.batch_sizes = batch_sizes
        self.sorted_indices = sorted_indices
        self.unsorted_indices = unsorted_indices

    def _fields(self):
        return (self.data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def __iter__(self):
        return iter(self._fields())

    def __len__(self):
        return 4

    def __getitem__(self, i):
        return self._fields()[i]

    def __eq__(self, other):
        return isinstance(other, PackedSequence) and all(
            a is b for a, b in zip(self._fields(), other._fields()))

    def __repr__(self):
        return (f"PackedSequence(data={self.data!r}, batch_sizes={self.batch_sizes!r}, "
                f"sorted_indices={self.sorted_indices!r}, unsorted_indices={self.unsorted_indices!r})")

    def _with_data(self, data):
        return PackedSequence(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def to(self, *args, **kwargs):
        data = self.data.to(*args, **kwargs)
        if data is self.data:
            return self
        sorted_indices = None if self.sorted_indices is None else self.sorted_indices.to(data.device)
        unsorted_indices = None if self.unsorted_indices is None else self.unsorted_indices.to(data.device)
        return PackedSequence(data, self.batch_sizes, sorted_indices, unsorted_indices)

    def cpu(self):
        return self.to("cpu")

    def double(self):
        return self._with_data(self.data.double())

    def float(self):
        return self._with_data(self.data.float())

    def half(self):
        return self._with_data(self.data.half())

    def long(self):
        return self._with_data(self.data.long())

    def int(self):
        return self._with_data(self.data.int())

    @property
    def is_cuda(self):
        return self.data.is_cuda

    def is_pinned(self):
        return False


def _pack_padded(input, lengths, batch_first):
    # ATen's _pack_padded_sequence: the rows of each step that are still running.
    padded = input
    if batch_first:
        input = input.transpose(0, 1)
    lengths_list = [int(x) for x in lengths.tolist()]
    if len(lengths_list) == 0 or lengths_list[-1] <= 0:
        raise RuntimeError("Length of all samples has to be greater than 0, but found an element in 'lengths' "
                           "that is <= 0")
    for i in range(len(lengths_list) - 1):
        if lengths_list[i] < lengths_list[i + 1]:
            raise RuntimeError("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. "
                               "You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence "
                               "to sidestep this requirement if you do not need ONNX exportability.")
    if lengths_list[0] > input.size(0):
        raise RuntimeError(f"Expected sequence length to be larger than or equal to the maximum length in "
                           f"lengths, but got {input.size(0)} and {lengths_list[0]}")
    # The lengths are checked: ATen's op packs them (PackPaddedSequenceBackward0).
    return torch._pack_padded_sequence(padded, lengths, batch_first)


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    """Packs a padded batch (T, B, *) (or (B, T, *)) of sequences of the given lengths."""
    if not isinstance(lengths, torch.Tensor):
        lengths = torch.as_tensor(lengths, dtype=torch.int64, device="cpu")
    else:
        lengths = lengths.to(dtype=torch.int64)
    if enforce_sorted:
        sorted_indices = None
    else:
        lengths, sorted_indices = torch.sort(lengths, descending=True)
        batch_dim = 0 if batch_first else 1
        input = input.index_select(batch_dim, sorted_indices)
    data, batch_sizes = _pack_padded(input, lengths, batch_first)
    return PackedSequence(data, batch_sizes, sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    """The padded batch and the lengths a PackedSequence came from (in its original order)."""
    max_seq_length = sequence.batch_sizes.size(0)
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError("Expected total_length to be at least the length of the longest sequence in input, "
                             f"but got total_length={total_length} and max sequence length being {max_seq_length}")
        max_seq_length = total_length
    batch_sizes = [int(x) for x in sequence.batch_sizes.tolist()]
    data = sequence.data
    max_batch = batch_sizes[0]
    trailing = list(data.shape)[1:]
    output = torch.full([max_seq_length, max_batch] + trailing, padding_value, dtype=data.dtype, device=data.device)
    lengths = [0] * max_batch
    offset = 0
    for t, count in enumerate(batch_sizes):
        output[t, :count] = data[offset:offset + count]
        offset += count
        for b in range(count):
            lengths[b] += 1
    lengths = torch.tensor(lengths, dtype=torch.int64)
    if batch_first:
        output = output.transpose(0, 1)
    unsorted_indices = sequence.unsorted_indices
    if unsorted_indices is not None:
        batch_dim = 0 if batch_first else 1
        return output.index_select(batch_dim, unsorted_indices), lengths[unsorted_indices.cpu()]
    return output, lengths


def pack_sequence(sequences, enforce_sorted=True):
    """Packs a list of sequences of different lengths (L_i, *)."""
    lengths = torch.as_tensor([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpack_sequence(packed_sequences):
    """The list of sequences a PackedSequence holds, in their original order."""
    padded_sequences, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded_sequences, lengths, batch_first=True)
