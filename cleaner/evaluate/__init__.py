"""`cleaner eval`: scoring extracted article text against gold bodies.

- `metric`: the ScrapingHub article-extraction-benchmark formula and metadata matching;
- `datasets`: gold sets and the fixed dev/holdout split;
- `systems`: the cleaner and its peers;
- `report`: running them, aggregating, the table, JSON and the CI floors.
"""

from cleaner.evaluate.datasets import (
    SPLITS,
    VARIANTS,
    Dataset,
    EvaluationError,
    Page,
    load_dataset,
    read_input,
    select_pages,
    split_of,
    with_gold_meta,
)
from cleaner.evaluate.metric import SHINGLE_SIZE, Extract, PageScore, f1, metadata_matches, score_page, shingles, tokens
from cleaner.evaluate.report import (
    Report,
    SystemResult,
    check_floors,
    evaluate,
    format_table,
    run_system,
    score_predictions,
    write_per_page,
)
from cleaner.evaluate.systems import PEERS, SYSTEMS, System, get_system

__all__ = [
    "PEERS",
    "SHINGLE_SIZE",
    "SPLITS",
    "SYSTEMS",
    "VARIANTS",
    "Dataset",
    "EvaluationError",
    "Extract",
    "Page",
    "PageScore",
    "Report",
    "System",
    "SystemResult",
    "check_floors",
    "evaluate",
    "f1",
    "format_table",
    "get_system",
    "load_dataset",
    "metadata_matches",
    "read_input",
    "run_system",
    "score_page",
    "score_predictions",
    "select_pages",
    "shingles",
    "split_of",
    "tokens",
    "with_gold_meta",
    "write_per_page",
]
