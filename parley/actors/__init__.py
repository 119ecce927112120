"""Actors: the gazetteer of countries, people and organisations, and the resolver that uses it."""
