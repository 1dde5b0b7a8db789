/* Writes without end: the output limit must stop it (OLE), not the disk filling up. */
#include <stdio.h>
int main(void) { for (;;) fputs("spam spam spam spam spam spam spam spam spam spam spam spam\n", stdout); }
