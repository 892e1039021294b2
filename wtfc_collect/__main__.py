from wtfc_collect.cli import main

main(prog_name="python -m wtfc_collect")
