from . import test_project_core
# [areas] each area appends its own test modules below
from . import test_kickoff_kickoff
from . import test_kickoff_research
