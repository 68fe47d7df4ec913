"""The argmap explorer and editor, a Textual app over the argmap library (`argmap tui MAP`)."""
