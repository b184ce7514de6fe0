"""Screen-only widgets: the budget allocation bars and the ladder's climb animation.

The ladder and the charts themselves live in game/drawing (they take a `Pen`, not the
`App`), because the classroom report draws them too.
"""
