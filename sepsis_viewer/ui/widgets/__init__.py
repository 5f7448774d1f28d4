"""What two or more modes share: text, theme, icons, rounded panels, cards, the infographic's views,
charts and the screens a full-screen window is kept on."""
