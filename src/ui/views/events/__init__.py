"""The Events screen: the list of events and the planning workspace of one event."""
