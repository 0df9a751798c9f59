$ mgtrack --version
~ ^mgtrack [0-9]+\.[0-9]+\.[0-9]+$
$ mgtrack version
~ ^mgtrack [0-9]+\.[0-9]+\.[0-9]+$
