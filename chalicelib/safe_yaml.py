"""The one YAML loader for front matter and site.yaml: plain data, bounded cost.

PyYAML's SafeLoader still expands aliases, so a few hundred bytes of
``&a [*b, *b, ...]`` grow to millions of nodes, and its composer recurses once
per nesting level. Neither has a use in a blog's settings, so both are
refused with a message that says where, before anything is built.
"""
import yaml

from chalicelib.limits import MAX_NESTING


class RefusedYAML(yaml.MarkedYAMLError):
    """YAML that parses but that the blog will not load (aliases, deep nesting)."""


class StrictLoader(yaml.SafeLoader):
    """SafeLoader without anchors or aliases, and with nesting at most MAX_NESTING."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        """Refuse aliases and anchors, and count nesting, before composing a node."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYAML(None, None, "aliases (*name) are not allowed; quote the value "
                              "if you meant text starting with '*'", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise RefusedYAML(None, None, "anchors (&name) are not allowed; quote the value "
                              "if you meant text starting with '&'", event.start_mark)
        nests = isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
        if nests:
            self._depth += 1
            if self._depth > MAX_NESTING:
                raise RefusedYAML(None, None, f"nested more than {MAX_NESTING} levels deep",
                                  event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            if nests:
                self._depth -= 1


def yaml_problem(error):
    """(1-based line or None, message) of a YAMLError, for 'file:line: problem'."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    return (mark.line + 1 if mark is not None else None), problem
