# expected output: gather_with_tasks.stdout
#
# asyncio has no lazy `zip`: `gather` always wraps coroutines in tasks. So the closest Python
# program to gather_with_zip.rs is the notes' own, and it prints the tasks' order, not zip's.
from gather_with_tasks import run

if __name__ == "__main__":
    run()
