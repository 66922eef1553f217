"""Servers, builders and shared helpers the tests import (`from tests.support import hostile_server`)."""
