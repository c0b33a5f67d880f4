import torch

__all__ = ["pad_sequence", "unpad_sequence"]

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
