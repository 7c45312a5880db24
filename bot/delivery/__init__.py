"""Delivery: the durable queue between the scheduler and the adapters."""
