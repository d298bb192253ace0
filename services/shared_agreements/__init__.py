"""What both parents agreed on: the case header, ground rules, decisions, joint sessions."""
