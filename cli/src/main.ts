console.log('evfw: the command line is being built');
