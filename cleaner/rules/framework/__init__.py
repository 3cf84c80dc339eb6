"""What every rule is built on: rule kinds and their registry, the rule context, dispatch."""
