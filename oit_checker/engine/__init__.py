"""Async orchestration: one session wiring client + extractor + Checker for check and audit; history; diff."""
