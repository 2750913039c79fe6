"""Export and import of the whole database as one versioned JSON document."""
