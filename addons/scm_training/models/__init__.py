from . import hr_course_schedule
from . import scm_training_session

# [areas]
