/// Nodes whose gradients are complete, latest-created first (a max-heap on sequence
/// number), so backward visits nodes in the order PyTorch's engine does.
struct ReadyQueue {
    private var heap: [Node] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ node: Node) {
        heap.append(node)
        var i = heap.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if heap[parent].sequenceNr >= heap[i].sequenceNr { break }
            heap.swapAt(parent, i)
            i = parent
        }
    }

    mutating func pop() -> Node {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            let n = heap.count
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < n && heap[l].sequenceNr > heap[m].sequenceNr { m = l }
                if r < n && heap[r].sequenceNr > heap[m].sequenceNr { m = r }
                if m == i { break }
                heap.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
