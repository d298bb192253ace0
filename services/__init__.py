"""The bounded contexts of Evenwijdig, one event store each."""
