from zorgvuldig.cli import main

main()
