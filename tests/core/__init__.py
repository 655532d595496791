"""The domain's shared core: one action's context, and the validation of what people type."""
