package org.zugong.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.zugong.organization.OrganizationKind;

/** The generated tree, numbered breadth first from 1: {@code nodes().get(i).id() == i + 1}. */
final class OrgTree {

    private final List<OrgNode> nodes;

    OrgTree(OrgNode root) {
        List<OrgNode> ordered = new ArrayList<>();
        Deque<OrgNode> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            OrgNode node = queue.poll();
            ordered.add(node);
            node.number(ordered.size());
            queue.addAll(node.children());
        }
        this.nodes = List.copyOf(ordered);
    }

    List<OrgNode> nodes() {
        return nodes;
    }

    OrgNode root() {
        return nodes.getFirst();
    }

    List<OrgNode> ofKind(OrganizationKind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).toList();
    }

    int maxDepth() {
        return nodes.stream().mapToInt(OrgNode::depth).max().orElse(0);
    }
}
