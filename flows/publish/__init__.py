"""What a release says about itself: the dataset card, Croissant and Data Package
metadata, and the quality report. Derived from the schemas and the run's counts."""
