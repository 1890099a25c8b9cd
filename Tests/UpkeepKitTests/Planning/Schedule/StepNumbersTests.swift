import Testing
@testable import UpkeepKit

/// Each step's numbers and the priority order the placement loop takes ready steps in.
@Suite("Step numbers")
struct StepNumbersTests {
    typealias Key = StepNumbers.PriorityKey

    @Test func priorityIsEarliestDueThenRingThenSubjectThenSequence() {
        let keys = [
            Key(due: Int.max, ring: 0, subject: 0, sequence: 0, index: 0),  // no due date: last
            Key(due: 10, ring: 1, subject: 0, sequence: 0, index: 1),
            Key(due: 10, ring: 0, subject: 5, sequence: 0, index: 2),
            Key(due: 10, ring: 0, subject: 2, sequence: 1, index: 3),
            Key(due: 10, ring: 0, subject: 2, sequence: 0, index: 4),
            Key(due: 9, ring: 3, subject: 9, sequence: 9, index: 5),
        ]
        var queue = PriorityQueue<Key>()
        for key in keys { queue.push(key) }
        var popped: [Int] = []
        while let key = queue.pop() { popped.append(key.index) }
        #expect(popped == [5, 4, 3, 2, 1, 0])
        #expect(keys.sorted().map(\.index) == popped)
    }

    @Test func appendKeepsTheThreeListsInStep() {
        var numbers = StepNumbers()
        numbers.append(subject: 4, management: nil, priority: Key(due: 1, ring: 0, subject: 4, sequence: 0, index: 0))
        numbers.append(subject: 2, management: 7, priority: Key(due: 2, ring: 1, subject: 2, sequence: 3, index: 1))
        #expect(numbers.count == 2 && numbers.subject == [4, 2] && numbers.management == [nil, 7])
        #expect(numbers.priority.map(\.index) == [0, 1])
    }
}
