"""The JSON API as a whole: fuzzed against the schema it publishes."""
