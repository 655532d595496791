"""The tests, one folder per feature (as domain/ has), and a few for what spans them all."""
