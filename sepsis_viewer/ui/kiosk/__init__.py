"""The waiting-room screen: the tour on a loop, for weeks, with nobody at the keyboard."""
