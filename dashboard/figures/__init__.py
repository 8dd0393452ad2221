"""Pure figure builders: frames and options in, Plotly figures out. No Dash, no files."""
