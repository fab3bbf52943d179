"""Training, export, evaluation and fixture pipeline: `python3 -m pipeline.train_all` (cwd models/)."""
