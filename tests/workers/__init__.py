"""Support workers' reviews: newest first, a page at a time, read only by those who may."""
