$ mgtrack --foods-db "$T/none.db" food search almonds
? 69
e~ ^mgtrack: no food database at ".*/none.db": build it with
