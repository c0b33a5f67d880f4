"""The text of the language-model lesson: "The Star" by Jane Taylor (1806), first verses, in lower case."""

TEXT = """twinkle, twinkle, little star,
how i wonder what you are!
up above the world so high,
like a diamond in the sky.
when the blazing sun is gone,
when he nothing shines upon,
then you show your little light,
twinkle, twinkle, all the night.
then the traveller in the dark
thanks you for your tiny spark;
he could not see which way to go,
if you did not twinkle so.
"""
