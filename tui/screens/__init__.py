"""The explorer's modal screens: help, confirmations, prompts, search and edit forms."""
