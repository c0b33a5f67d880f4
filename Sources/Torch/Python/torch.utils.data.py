# torch.utils.data — datasets, samplers and the DataLoader that batches them.
#
# Shuffling draws from torch's generator exactly as PyTorch does: creating an iterator
# over a DataLoader draws a base seed (one int64 `random_()`), and a RandomSampler
# without a generator seeds a fresh torch.Generator from one more `random_()` draw
# when iteration starts, then takes `torch.randperm(n, generator=g)`.

import math
import torch


class Dataset:
    """Base class for map-style datasets: implement __getitem__ and __len__."""

    def __getitem__(self, index):
        raise NotImplementedError("Subclasses of Dataset should implement __getitem__.")

    def __add__(self, other):
        return ConcatDataset([self, other])


class IterableDataset(Dataset):
    """Base class for datasets that are iterated rather than indexed."""

    def __iter__(self):
        raise NotImplementedError("Subclasses of IterableDataset should implement __iter__.")


class TensorDataset(Dataset):
    """Sample i is the tuple of row i of each tensor."""

    def __init__(self, *tensors):
        for tensor in tensors:
            if tensor.size(0) != tensors[0].size(0):
                raise AssertionError("Size mismatch between tensors")
        self.tensors = tensors

    def __getitem__(self, index):
        return tuple([tensor[index] for tensor in self.tensors])

    def __len__(self):
        return self.tensors[0].size(0)


class Subset(Dataset):
    """The samples of `dataset` at `indices`, in that order."""

    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = indices

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


class ConcatDataset(Dataset):
    """The samples of several datasets, one after another."""

    def __init__(self, datasets):
        self.datasets = list(datasets)
        if len(self.datasets) == 0:
            raise AssertionError("datasets should not be an empty iterable")
        self.cumulative_sizes = []
        total = 0
        for d in self.datasets:
            total += len(d)
            self.cumulative_sizes.append(total)

    def __len__(self):
        return self.cumulative_sizes[-1]

    def __getitem__(self, idx):
        if idx < 0:
            if -idx > len(self):
                raise ValueError("absolute value of index should not exceed dataset length")
            idx = len(self) + idx
        dataset_idx = 0
        while self.cumulative_sizes[dataset_idx] <= idx:
            dataset_idx += 1
        if dataset_idx == 0:
            return self.datasets[0][idx]
        return self.datasets[dataset_idx][idx - self.cumulative_sizes[dataset_idx - 1]]


class StackDataset(Dataset):
    """Sample i is (a[i], b[i], ...) for datasets given by position, or {name: d[i]} for
    datasets given by keyword."""

    def __init__(self, *args, **kwargs):
        if args:
            if kwargs:
                raise ValueError(
                    "Supported either ``tuple``- (via ``args``) or``dict``- (via ``kwargs``) "
                    "like input/output, but both types are given.")
            datasets = list(args)
        elif kwargs:
            datasets = list(kwargs.values())
        else:
            raise ValueError("At least one dataset should be passed")
        self._length = len(datasets[0])
        for dataset in datasets:
            if len(dataset) != self._length:
                raise ValueError("Size mismatch between datasets")
        self.datasets = args if args else kwargs

    def __getitem__(self, index):
        if isinstance(self.datasets, dict):
            return {key: dataset[index] for key, dataset in self.datasets.items()}
        return tuple(dataset[index] for dataset in self.datasets)

    def __len__(self):
        return self._length


class ChainDataset(IterableDataset):
    """The samples of several iterable datasets, one stream after another."""

    def __init__(self, datasets):
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise AssertionError("ChainDataset only supports IterableDataset")
            yield from d

    def __len__(self):
        total = 0
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise AssertionError("ChainDataset only supports IterableDataset")
            total += len(d)
        return total



def get_worker_info():
    """None: Gradbook loads every batch in the calling process, which is what PyTorch
    reports outside a DataLoader worker."""
    return None

# -- samplers: which indices, in which order --

class Sampler:
    def __init__(self, data_source=None):
        pass


class SequentialSampler(Sampler):
    """0, 1, ..., n-1."""

    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


def _fresh_seed():
    return int(torch.empty((), dtype=torch.int64).random_().item())


class RandomSampler(Sampler):
    """A random permutation of the indices (or draws with replacement)."""

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source = data_source
        self.replacement = replacement
        self._num_samples = num_samples
        self.generator = generator
        if not isinstance(replacement, bool):
            raise TypeError(
                f"replacement should be a boolean value, but got replacement={replacement}")
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(
                f"num_samples should be a positive integer value, but got "
                f"num_samples={self.num_samples}")

    @property
    def num_samples(self):
        if self._num_samples is None:
            return len(self.data_source)
        return self._num_samples

    def __iter__(self):
        n = len(self.data_source)
        generator = self.generator
        if generator is None:
            generator = torch.Generator()
            generator.manual_seed(_fresh_seed())
        if self.replacement:
            for _ in range(self.num_samples // 32):
                for i in torch.randint(high=n, size=(32,), dtype=torch.int64,
                                       generator=generator).tolist():
                    yield i
            for i in torch.randint(high=n, size=(self.num_samples % 32,), dtype=torch.int64,
                                   generator=generator).tolist():
                yield i
        else:
            for _ in range(self.num_samples // n):
                for i in torch.randperm(n, generator=generator).tolist():
                    yield i
            for i in torch.randperm(n, generator=generator).tolist()[:self.num_samples % n]:
                yield i

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """The given indices in random order."""

    def __init__(self, indices, generator=None):
        self.indices = indices
        self.generator = generator

    def __iter__(self):
        if self.generator is None:
            order = torch.randperm(len(self.indices))
        else:
            order = torch.randperm(len(self.indices), generator=self.generator)
        for i in order.tolist():
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """num_samples indices drawn with probability proportional to `weights`, by one
    torch.multinomial call (float64 weights), as PyTorch draws them."""

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError("num_samples should be a positive integer value, but got "
                             f"num_samples={num_samples}")
        if not isinstance(replacement, bool):
            raise ValueError(
                f"replacement should be a boolean value, but got replacement={replacement}")
        weights_tensor = torch.as_tensor(weights, dtype=torch.double)
        if len(weights_tensor.shape) != 1:
            raise ValueError("weights should be a 1d sequence but given weights have shape "
                             f"{tuple(weights_tensor.shape)}")
        self.weights = weights_tensor
        self.num_samples = num_samples
        self.replacement = replacement
        self.generator = generator

    def __iter__(self):
        if self.generator is None:
            drawn = torch.multinomial(self.weights, self.num_samples, self.replacement)
        else:
            drawn = torch.multinomial(self.weights, self.num_samples, self.replacement,
                                      generator=self.generator)
        for i in drawn.tolist():
            yield i

    def __len__(self):
        return self.num_samples


class DistributedSampler(Sampler):
    """The share of a dataset that replica `rank` of `num_replicas` loads: PyTorch's order
    (a randperm seeded with seed + epoch by a fresh generator, padded by repeating the
    start, or cut with drop_last, then every num_replicas-th index from rank). Gradbook has
    no process group, so num_replicas and rank must be given."""

    def __init__(self, dataset, num_replicas=None, rank=None, shuffle=True, seed=0, drop_last=False):
        if num_replicas is None or rank is None:
            # What torch.distributed.get_world_size()/get_rank() raise before init_process_group.
            raise ValueError("Default process group has not been initialized, please make sure to call init_process_group.")
        if rank >= num_replicas or rank < 0:
            raise ValueError(
                f"Invalid rank {rank}, rank should be in the interval [0, {num_replicas - 1}]")
        self.dataset = dataset
        self.num_replicas = num_replicas
        self.rank = rank
        self.epoch = 0
        self.drop_last = drop_last
        if self.drop_last and len(self.dataset) % self.num_replicas != 0:
            self.num_samples = math.ceil((len(self.dataset) - self.num_replicas) / self.num_replicas)
        else:
            self.num_samples = math.ceil(len(self.dataset) / self.num_replicas)
        self.total_size = self.num_samples * self.num_replicas
        self.shuffle = shuffle
        self.seed = seed

    def __iter__(self):
        if self.shuffle:
            g = torch.Generator()
            g.manual_seed(self.seed + self.epoch)
            indices = torch.randperm(len(self.dataset), generator=g).tolist()
        else:
            indices = list(range(len(self.dataset)))
        if not self.drop_last:
            padding_size = self.total_size - len(indices)
            if padding_size <= len(indices):
                indices += indices[:padding_size]
            else:
                indices += (indices * math.ceil(padding_size / len(indices)))[:padding_size]
        else:
            indices = indices[:self.total_size]
        if len(indices) != self.total_size:
            raise AssertionError(
                f"Number of indices ({len(indices)}) does not match total_size ({self.total_size})")
        indices = indices[self.rank:self.total_size:self.num_replicas]
        if len(indices) != self.num_samples:
            raise AssertionError(
                f"Number of subsampled indices ({len(indices)}) does not match num_samples ({self.num_samples})")
        return iter(indices)

    def __len__(self):
        return self.num_samples

    def set_epoch(self, epoch):
        self.epoch = epoch


class BatchSampler(Sampler):
    """Groups another sampler's indices into lists of batch_size."""

    def __init__(self, sampler, batch_size, drop_last):
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size <= 0:
            raise ValueError(
                f"batch_size should be a positive integer value, but got batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(
                f"drop_last should be a boolean value, but got drop_last={drop_last}")
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last

    def __iter__(self):
        batch = []
        for idx in self.sampler:
            batch.append(idx)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        if self.drop_last:
            return len(self.sampler) // self.batch_size
        return (len(self.sampler) + self.batch_size - 1) // self.batch_size


# -- collation: a list of samples becomes one batch --

def default_collate(batch):
    """Stacks tensors, turns numbers into tensors, and recurses into tuples, lists, dicts."""
    elem = batch[0]
    if isinstance(elem, torch.Tensor):
        return torch.stack(batch, 0)
    if isinstance(elem, float):
        return torch.tensor(batch, dtype=torch.float64)
    if isinstance(elem, int):
        return torch.tensor(batch)
    if isinstance(elem, str):
        return batch
    if isinstance(elem, dict):
        return {key: default_collate([d[key] for d in batch]) for key in elem}
    if isinstance(elem, (tuple, list)):
        size = len(elem)
        for sample in batch:
            if len(sample) != size:
                raise RuntimeError("each element in list of batch should be of equal size")
        # Tuples come back as lists, as in PyTorch.
        return [default_collate([sample[i] for sample in batch]) for i in range(size)]
    raise TypeError("default_collate: batch must contain tensors, numpy arrays, numbers, "
                    f"dicts or lists; found {type(elem)}")


def default_convert(data):
    """Without batching, samples pass through; tuples become lists, as in PyTorch."""
    if isinstance(data, (tuple, list)):
        return [default_convert(d) for d in data]
    if isinstance(data, dict):
        return {key: default_convert(value) for key, value in data.items()}
    return data


class DataLoader:
    """Iterates over a dataset in (optionally shuffled) batches."""

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None,
                 num_workers=0, collate_fn=None, pin_memory=False, drop_last=False,
                 timeout=0, worker_init_fn=None, multiprocessing_context=None,
                 generator=None, prefetch_factor=None, persistent_workers=False,
                 pin_memory_device="", in_order=True):
        if num_workers < 0:
            raise ValueError("num_workers option should be non-negative; use num_workers=0 "
                             "to disable multiprocessing.")
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError("batch_sampler option is mutually exclusive with batch_size, "
                                 "shuffle, sampler, and drop_last")
            batch_size = None
            drop_last = False
        elif batch_size is None and drop_last:
            raise ValueError("batch_size=None option disables auto-batching and is mutually "
                             "exclusive with drop_last")
        self._iterable = isinstance(dataset, IterableDataset)
        if self._iterable:
            # An iterable dataset is read in its own order: no sampler, batches are runs of
            # batch_size consecutive items.
            if shuffle not in (None, False):
                raise ValueError("DataLoader with IterableDataset: expected unspecified "
                                 f"shuffle option, but got shuffle={shuffle}")
            if sampler is not None:
                raise ValueError("DataLoader with IterableDataset: expected unspecified "
                                 f"sampler option, but got sampler={sampler}")
            if batch_sampler is not None:
                raise ValueError("DataLoader with IterableDataset: expected unspecified "
                                 f"batch_sampler option, but got batch_sampler={batch_sampler}")
            sampler = []
        if sampler is None:
            if shuffle:
                sampler = RandomSampler(dataset, generator=generator)
            else:
                sampler = SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None and not self._iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.dataset = dataset
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self.num_workers = num_workers
        self.generator = generator
        self.timeout = timeout
        self.pin_memory = pin_memory
        if collate_fn is None:
            batched = batch_sampler is not None or (self._iterable and batch_size is not None)
            collate_fn = default_collate if batched else default_convert
        self.collate_fn = collate_fn

    def __iter__(self):
        # PyTorch draws this seed (for worker processes) every time an iterator is made,
        # even with no workers; drawing it keeps the generator in step with PyTorch.
        if self.generator is None:
            torch.empty((), dtype=torch.int64).random_()
        else:
            torch.empty((), dtype=torch.int64).random_(generator=self.generator)
        return self._batches()

    def _batches(self):
        if self._iterable:
            yield from self._iterable_batches()
        elif self.batch_sampler is not None:
            for indices in self.batch_sampler:
                yield self.collate_fn([self.dataset[i] for i in indices])
        else:
            for index in self.sampler:
                yield self.collate_fn(self.dataset[index])

    def _iterable_batches(self):
        if self.batch_size is None:
            for item in self.dataset:
                yield self.collate_fn(item)
            return
        batch = []
        for item in self.dataset:
            batch.append(item)
            if len(batch) == self.batch_size:
                yield self.collate_fn(batch)
                batch = []
        if len(batch) > 0 and not self.drop_last:
            yield self.collate_fn(batch)

    def __len__(self):
        if self._iterable:
            length = len(self.dataset)
            if self.batch_size is not None:
                if self.drop_last:
                    length = length // self.batch_size
                else:
                    length = -(-length // self.batch_size)
            return length
        if self.batch_sampler is not None:
            return len(self.batch_sampler)
        return len(self.sampler)


def random_split(dataset, lengths, generator=None):
    """Splits a dataset into non-overlapping random subsets of the given lengths or fractions."""
    total = sum(lengths)
    if abs(total - 1) <= 1e-9 * max(abs(total), 1) and total <= 1:
        subset_lengths = []
        for i, frac in enumerate(lengths):
            if frac < 0 or frac > 1:
                raise ValueError(f"Fraction at index {i} is not between 0 and 1")
            subset_lengths.append(int(math.floor(len(dataset) * frac)))
        remainder = len(dataset) - sum(subset_lengths)
        for i in range(remainder):
            subset_lengths[i % len(subset_lengths)] += 1
        lengths = subset_lengths
    if sum(lengths) != len(dataset):
        raise ValueError("Sum of input lengths does not equal the length of the input dataset!")
    if generator is None:
        indices = torch.randperm(sum(lengths)).tolist()
    else:
        indices = torch.randperm(sum(lengths), generator=generator).tolist()
    subsets = []
    offset = 0
    for length in lengths:
        subsets.append(Subset(dataset, indices[offset:offset + length]))
        offset += length
    return subsets


# Last: each class's __module__ is the file PyTorch defines it in (torch.utils.data.dataset, ...),
# as in PyTorch 2.15, so `print(type(x))` shows PyTorch's path; a class this build lacks is skipped.

try:
    BatchSampler.__module__ = "torch.utils.data.sampler"
except NameError:
    pass
try:
    ChainDataset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    ConcatDataset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    DFIterDataPipe.__module__ = "torch.utils.data.datapipes.datapipe"
except NameError:
    pass
try:
    DataChunk.__module__ = "torch.utils.data.datapipes.datapipe"
except NameError:
    pass
try:
    DataLoader.__module__ = "torch.utils.data.dataloader"
except NameError:
    pass
try:
    Dataset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    DistributedSampler.__module__ = "torch.utils.data.distributed"
except NameError:
    pass
try:
    IterDataPipe.__module__ = "torch.utils.data.datapipes.datapipe"
except NameError:
    pass
try:
    IterableDataset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    MapDataPipe.__module__ = "torch.utils.data.datapipes.datapipe"
except NameError:
    pass
try:
    RandomSampler.__module__ = "torch.utils.data.sampler"
except NameError:
    pass
try:
    Sampler.__module__ = "torch.utils.data.sampler"
except NameError:
    pass
try:
    SequentialSampler.__module__ = "torch.utils.data.sampler"
except NameError:
    pass
try:
    StackDataset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    Subset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    SubsetRandomSampler.__module__ = "torch.utils.data.sampler"
except NameError:
    pass
try:
    TensorDataset.__module__ = "torch.utils.data.dataset"
except NameError:
    pass
try:
    WeightedRandomSampler.__module__ = "torch.utils.data.sampler"
except NameError:
    pass
try:
    functional_datapipe.__module__ = "torch.utils.data.datapipes._decorator"
except NameError:
    pass
try:
    guaranteed_datapipes_determinism.__module__ = "torch.utils.data.datapipes._decorator"
except NameError:
    pass
try:
    non_deterministic.__module__ = "torch.utils.data.datapipes._decorator"
except NameError:
    pass
try:
    runtime_validation_disabled.__module__ = "torch.utils.data.datapipes._decorator"
except NameError:
    pass
