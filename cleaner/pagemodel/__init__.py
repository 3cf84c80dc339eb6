"""Whole-page text dumps: how each line reads, and where the article runs among them."""
