"""The interface strings, one module per screen plus what they share (``common``).

``dashboard.text.i18n`` gathers them into one catalogue: a key is defined once, in one module."""
