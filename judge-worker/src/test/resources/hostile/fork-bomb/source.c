/* Classic fork bomb: the process limit must hold; the judge must clean every child up. */
#include <unistd.h>
int main(void) { for (;;) fork(); }
