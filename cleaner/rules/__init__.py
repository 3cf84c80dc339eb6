"""Rules: one module per family of boilerplate, on the framework in `rules/framework`."""

from cleaner.rules.framework.kinds import BlockRule, Hit, LeadRule, NodeRule, PageRule, Rule
from cleaner.rules.framework.registry import all_rules, get_rule

__all__ = ["BlockRule", "Hit", "LeadRule", "NodeRule", "PageRule", "Rule", "all_rules", "get_rule"]
