"""Adapters to other engines (Dask, Hugging Face datasets); each needs its own optional packages."""
