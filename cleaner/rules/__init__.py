"""Rules: one module per family of boilerplate, all registered in `registry`."""

from cleaner.rules.framework.registry import Hit, Rule, all_rules, get_rule, rule

__all__ = ["Hit", "Rule", "all_rules", "get_rule", "rule"]
